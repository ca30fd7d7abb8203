/** The persistent job queue (db-scheduler on PostgreSQL) and the schedules; schedules only call a feature service. */
package org.arrowsync.jobs;
