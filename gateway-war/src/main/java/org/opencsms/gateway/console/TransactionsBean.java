package org.opencsms.gateway.console;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import org.opencsms.api.cms.TransactionFilter;
import org.opencsms.api.cms.TransactionQueries;
import org.opencsms.api.cms.TransactionView;

/** The transaction list: filters, lazy pages, CSV export of what the filters select. */
@Named("transactions")
@ViewScoped
public class TransactionsBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient TransactionQueries transactions;

    private String chargePointId;
    private String idTag;
    /** "", "active" or "stopped". */
    private String state = "";
    private LocalDate from;
    private LocalDate to;

    TransactionFilter filter() {
        return filter(chargePointId, idTag, state, from, to);
    }

    static TransactionFilter filter(String chargePointId, String idTag, String state, LocalDate from, LocalDate to) {
        Boolean active = switch (state == null ? "" : state) {
            case "active" -> Boolean.TRUE;
            case "stopped" -> Boolean.FALSE;
            default -> null;
        };
        return new TransactionFilter(blankToNull(chargePointId), blankToNull(idTag), active,
                from == null ? null : from.atStartOfDay(Console.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(Console.ZONE).toInstant());
    }

    private final LazyDataModel<TransactionView> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, transactions.count(filter()));
        }

        @Override
        public List<TransactionView> load(int first, int pageSize, Map<String, SortMeta> sort,
                                          Map<String, FilterMeta> filters) {
            return transactions.search(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(TransactionView row) {
            return Integer.toString(row.id());
        }
    };

    public LazyDataModel<TransactionView> getModel() {
        return model;
    }

    /** The export link: the same filters as query parameters. */
    public String getExportQuery() {
        StringBuilder q = new StringBuilder();
        param(q, "chargePointId", chargePointId);
        param(q, "idTag", idTag);
        param(q, "state", state);
        param(q, "from", from == null ? null : from.toString());
        param(q, "to", to == null ? null : to.toString());
        return q.toString();
    }

    private static void param(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append(q.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getChargePointId() {
        return chargePointId;
    }

    public void setChargePointId(String chargePointId) {
        this.chargePointId = chargePointId;
    }

    public String getIdTag() {
        return idTag;
    }

    public void setIdTag(String idTag) {
        this.idTag = idTag;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
