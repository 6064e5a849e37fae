/**
 * The JMS contract between gateway and CMS: destination names, message properties and the small
 * version-neutral JSON bodies that travel on them. Defined once here; both sides only refer to it.
 */
package org.opencsms.api.messaging;
