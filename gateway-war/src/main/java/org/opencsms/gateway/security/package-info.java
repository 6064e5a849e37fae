/**
 * Who may use the admin surfaces: HTTP Basic against the configured admin user.
 */
package org.opencsms.gateway.security;
