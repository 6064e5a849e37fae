/** Stateless facades of the transaction component. */
package org.opencsms.cms.transaction.boundary;
