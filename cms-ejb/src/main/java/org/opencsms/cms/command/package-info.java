/**
 * Commands to charge points: recorded, published for the node holding the socket, their answers recorded.
 */
package org.opencsms.cms.command;
