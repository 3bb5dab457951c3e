package io.outboundcalls.command.contactimport;

/** The file as a whole cannot be imported (not CSV, not UTF-8, no phone_number column…); the message says why. */
public class InvalidImportFileException extends Exception {

    public InvalidImportFileException(String message) {
        super(message, null, false, false);
    }
}
