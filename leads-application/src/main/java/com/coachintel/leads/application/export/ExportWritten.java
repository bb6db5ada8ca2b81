package com.coachintel.leads.application.export;

/**
 * What an export wrote, streamed or to its file.
 *
 * @param rows  leads, without the header
 * @param bytes the CSV's size
 */
public record ExportWritten(long rows, long bytes) {

    /** An export that wrote nothing (a background export that was gone, or already done). */
    public static final ExportWritten NOTHING = new ExportWritten(0, 0);
}
