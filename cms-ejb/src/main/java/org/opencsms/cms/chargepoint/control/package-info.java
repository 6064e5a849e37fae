/** Plain helpers of the charge point component, free of transactions and JMS. */
package org.opencsms.cms.chargepoint.control;
