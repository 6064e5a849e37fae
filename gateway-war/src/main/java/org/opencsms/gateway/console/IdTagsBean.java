package org.opencsms.gateway.console;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.opencsms.api.cms.IdTagAdmin;
import org.opencsms.api.cms.IdTagView;

/** Id tags: list, create, edit (expiry, parent, concurrency), block and unblock, delete. */
@Named("idTags")
@ViewScoped
public class IdTagsBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    transient IdTagAdmin tags;

    private transient List<IdTagView> list;
    // the create/edit form
    private boolean editing;
    private String idTag;
    private LocalDateTime expiry;
    private String parent;
    private boolean concurrent;
    private String status = "Accepted";

    public List<IdTagView> getList() {
        if (list == null) {
            list = tags.list();
        }
        return list;
    }

    public void startCreate() {
        editing = false;
        idTag = null;
        expiry = null;
        parent = null;
        concurrent = false;
        status = "Accepted";
    }

    public void startEdit(IdTagView tag) {
        editing = true;
        idTag = tag.idTag();
        expiry = tag.expiryDate() == null ? null : LocalDateTime.ofInstant(tag.expiryDate(), Console.ZONE);
        parent = tag.parentIdTag();
        concurrent = Boolean.TRUE.equals(tag.allowConcurrentTx());
        status = tag.status();
    }

    public void save() {
        if (!Console.mayChange()) {
            return;
        }
        Instant expiryDate = expiry == null ? null : expiry.atZone(Console.ZONE).toInstant();
        IdTagView tag = new IdTagView(idTag == null ? null : idTag.trim(), status, expiryDate,
                TransactionsBean.blankToNull(parent), concurrent);
        call(() -> {
            if (editing) {
                tags.update(tag.idTag(), tag);
                Console.info("Id tag " + tag.idTag() + " saved");
            } else {
                tags.create(tag);
                Console.info("Id tag " + tag.idTag() + " created");
            }
        });
    }

    public void block(IdTagView tag) {
        setStatus(tag, "Blocked");
    }

    public void unblock(IdTagView tag) {
        setStatus(tag, "Accepted");
    }

    private void setStatus(IdTagView tag, String newStatus) {
        if (!Console.mayChange()) {
            return;
        }
        call(() -> {
            tags.update(tag.idTag(), new IdTagView(tag.idTag(), newStatus, tag.expiryDate(), tag.parentIdTag(),
                    tag.allowConcurrentTx()));
            Console.info("Id tag " + tag.idTag() + ("Blocked".equals(newStatus) ? " blocked" : " unblocked"));
        });
    }

    public void delete(IdTagView tag) {
        if (!Console.mayChange()) {
            return;
        }
        call(() -> {
            if (tags.delete(tag.idTag())) {
                Console.info("Id tag " + tag.idTag() + " deleted");
            }
        });
    }

    /** Whether the tag's expiry has passed (then charge points get Expired). */
    public boolean expired(IdTagView tag) {
        return tag.expiryDate() != null && tag.expiryDate().isBefore(Instant.now());
    }

    private void call(Runnable change) {
        if (Console.attempt(change)) {
            list = null;
        }
    }

    public boolean isEditing() {
        return editing;
    }

    public String getIdTag() {
        return idTag;
    }

    public void setIdTag(String idTag) {
        this.idTag = idTag;
    }

    public LocalDateTime getExpiry() {
        return expiry;
    }

    public void setExpiry(LocalDateTime expiry) {
        this.expiry = expiry;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }

    public boolean isConcurrent() {
        return concurrent;
    }

    public void setConcurrent(boolean concurrent) {
        this.concurrent = concurrent;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
