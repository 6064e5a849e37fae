/**
 * The admin console (Jakarta Faces, PrimeFaces): page beans that call the CMS's business interfaces and
 * nothing else (commands go through {@code ChargePointCommands.send}, as the REST API's do), the live
 * updates ({@link org.opencsms.gateway.console.SiteUpdates}) and the CSV export. Pages live in
 * {@code src/main/webapp/console}, the layout in {@code WEB-INF/templates}.
 */
package org.opencsms.gateway.console;
