package com.coachintel.leads.application.archfixture;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.StringWriter;

/** Violates "FastCSV only in application.csv". Test fixture. */
public class ApplicationClassUsingFastCsv {
    public String line(String... cells) {
        StringWriter out = new StringWriter();
        CsvWriter.builder().build(out).writeRecord(cells);
        return out.toString();
    }
}
