/**
 * Who may use the admin surfaces: HTTP Basic (REST API) or the login form (console), against the configured admin and the console users.
 */
package org.opencsms.gateway.security;
