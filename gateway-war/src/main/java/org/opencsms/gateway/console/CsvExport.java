package org.opencsms.gateway.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opencsms.api.cms.MeterValueView;
import org.opencsms.api.cms.Paging;
import org.opencsms.api.cms.TransactionDetail;
import org.opencsms.api.cms.TransactionFilter;
import org.opencsms.api.cms.TransactionQueries;
import org.opencsms.api.cms.TransactionView;

/**
 * CSV downloads of the console (behind its login, web.xml): {@code /console/export/transactions.csv} with
 * the list's filters, {@code /console/export/meter-values.csv?id=} with one transaction's meter values.
 * Cells that a spreadsheet would run as a formula are quoted as text.
 */
@WebServlet("/console/export/*")
public class CsvExport extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The largest export: the list's newest rows beyond it are left out (the filters narrow it). */
    static final int MAX_ROWS = 100_000;

    @EJB
    transient TransactionQueries transactions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String what = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (what) {
            case "/transactions.csv" -> transactions(request, response);
            case "/meter-values.csv" -> meterValues(request, response);
            default -> response.sendError(404, "no such export");
        }
    }

    private void transactions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TransactionFilter filter;
        try {
            filter = TransactionsBean.filter(request.getParameter("chargePointId"), request.getParameter("idTag"),
                    request.getParameter("state"), date(request.getParameter("from")),
                    date(request.getParameter("to")));
        } catch (DateTimeParseException e) {
            response.sendError(400, "from and to are dates like 2026-03-01");
            return;
        }
        start(response, "transactions.csv");
        PrintWriter out = response.getWriter();
        out.print(row("id", "chargePointId", "connectorId", "idTag", "start", "stop", "meterStart", "meterStop",
                "energyWh", "stopReason"));
        int offset = 0;
        while (offset < MAX_ROWS) {
            List<TransactionView> page = transactions.search(filter, offset, Paging.MAX_LIMIT);
            for (TransactionView t : page) {
                out.print(row(t.id(), t.chargePointId(), t.connectorId(), t.idTag(), t.startTimestamp(),
                        t.stopTimestamp(), t.meterStart(), t.meterStop(), t.energyWh(), t.stopReason()));
            }
            if (page.size() < Paging.MAX_LIMIT) {
                break;
            }
            offset += page.size();
        }
    }

    private void meterValues(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int id;
        try {
            id = Integer.parseInt(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(400, "id is a transaction id");
            return;
        }
        TransactionDetail t = transactions.find(id).orElse(null);
        if (t == null) {
            response.sendError(404, "no transaction " + id);
            return;
        }
        start(response, "transaction-" + id + "-meter-values.csv");
        PrintWriter out = response.getWriter();
        out.print(row("timestamp", "measurand", "value", "unit", "phase", "context", "location", "format"));
        for (MeterValueView v : t.meterValues()) {
            out.print(row(v.timestamp(), v.measurand(), v.value(), v.unit(), v.phase(), v.context(), v.location(),
                    v.format()));
        }
    }

    private static void start(HttpServletResponse response, String fileName) {
        response.setContentType("text/csv");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
    }

    /** One CSV line (RFC 4180), with CRLF. */
    static String row(Object... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells[i]));
        }
        return line.append("\r\n").toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        boolean numeric = value instanceof Number;
        if (!numeric && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s; // a formula in a spreadsheet otherwise
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.startsWith("'")) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
