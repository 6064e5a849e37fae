package org.opencsms.gateway.cms;

/** The CMS answered a call with an error reply. */
public class CmsException extends RuntimeException {
    public CmsException(String message) {
        super(message);
    }
}
