package org.opencsms.gateway.cms;

/** The CMS answered a call with an error reply. */
public class CmsCallFailed extends RuntimeException {
    public CmsCallFailed(String message) {
        super(message);
    }
}
