/** Writing the activity feed (in the caller's transaction) and keeping it bounded. */
package org.opencsms.cms.activity.boundary;
