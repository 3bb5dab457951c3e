package io.outboundcalls.command.contact;

/** Why one row (numbered as in the file, header = row 1) was not imported. */
public record ImportRowError(int row, String column, String code, String detail, String value) {
}
