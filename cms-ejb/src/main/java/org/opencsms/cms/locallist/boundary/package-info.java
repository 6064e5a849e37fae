/** The local list operation (sends through the command component) and its records (one transaction each). */
package org.opencsms.cms.locallist.boundary;
