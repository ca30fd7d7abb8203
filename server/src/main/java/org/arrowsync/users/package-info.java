/** API users and their tokens: authentication, staff rights and the first admin. */
package org.arrowsync.users;
