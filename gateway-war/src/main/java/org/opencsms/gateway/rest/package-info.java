/**
 * JAX-RS resources of the admin REST API; they delegate to the CMS business interfaces only.
 */
package org.opencsms.gateway.rest;
