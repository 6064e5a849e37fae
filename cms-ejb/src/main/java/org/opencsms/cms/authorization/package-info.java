/**
 * Id tags and the verdict on them (Accepted, Blocked, Expired, Invalid, ConcurrentTx).
 */
package org.opencsms.cms.authorization;
