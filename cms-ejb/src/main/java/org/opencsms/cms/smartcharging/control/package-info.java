/** Plain rules of smart charging: reading profile documents, and which installed records a change ends. */
package org.opencsms.cms.smartcharging.control;
