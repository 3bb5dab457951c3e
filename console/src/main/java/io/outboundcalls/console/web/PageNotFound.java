package io.outboundcalls.console.web;

/** The API answered 404 (an unknown id, or another account's): the page does not exist either. */
final class PageNotFound extends RuntimeException {

    PageNotFound() {
        super("No such page", null, false, false);
    }
}
