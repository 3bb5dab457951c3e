package io.outboundcalls.command.common;

/** Unknown ids and ids of another account look the same to a client: 404. */
public class ResourceNotFoundException extends CommandRejectedException {

    public ResourceNotFoundException(String resource, String id) {
        super(Kind.NOT_FOUND, "resource_missing", "id", "No such " + resource + ": '" + id + "'");
    }
}
