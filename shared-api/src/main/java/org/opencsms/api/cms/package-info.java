/**
 * Business interfaces of the CMS as seen by the REST API (local EJB views), with
 * the DTOs they take and return. Entities never leave the CMS.
 */
package org.opencsms.api.cms;
