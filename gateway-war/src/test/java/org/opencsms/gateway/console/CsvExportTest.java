package org.opencsms.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvExportTest {
    @Test
    void cellsFollowRfc4180() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",,42\r\n", CsvExport.row("a", "b,c", "say \"hi\"", null, 42));
        assertEquals("\"two\nlines\"", CsvExport.cell("two\nlines"));
    }

    /** A charge point's id tag or vendor string must not run as a formula in a spreadsheet. */
    @Test
    void textThatASpreadsheetWouldRunIsQuotedAsText() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvExport.cell("=HYPERLINK(\"x\")"));
        assertEquals("\"'+1\"", CsvExport.cell("+1"));
        assertEquals("\"'@SUM(A1)\"", CsvExport.cell("@SUM(A1)"));
        assertEquals("-5", CsvExport.cell(-5), "numbers stay numbers");
    }
}
