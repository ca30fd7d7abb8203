package org.arrowsync.users;

import java.time.Instant;
import java.util.UUID;

record User(long id, UUID uuid, String username, boolean staff, Instant created) {}
