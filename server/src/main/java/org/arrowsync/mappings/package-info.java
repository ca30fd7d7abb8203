/** Which Arrow customer is which operator customer: mappings, discovery, name suggestions and license linking. */
package org.arrowsync.mappings;
