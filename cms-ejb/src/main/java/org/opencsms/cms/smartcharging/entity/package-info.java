/** The stored charging profiles and the record of the profiles installed on charge points. */
package org.opencsms.cms.smartcharging.entity;
