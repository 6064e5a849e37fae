/** JPA entities of the transaction component. */
package org.opencsms.cms.transaction.entity;
