/** JPA entities of the charge point component; they never leave the CMS. */
package org.opencsms.cms.chargepoint.entity;
