package org.arrowsync.billing;

import java.util.Objects;
import org.arrowsync.shared.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * D144: each sync's references in one text with a trigram index ({@code billing_sync_references}), so a search for a
 * piece of a subscription or line reference reads the items of the syncs whose text has it instead of every item of
 * every month. The text is built after the run that wrote the items has committed, a thousand syncs a transaction, so
 * no line's insert pays for the index (D66). Until then the items' trigger leaves the sync's text null, and a search
 * reads such a sync's items as it reads every item without the index.
 */
@Component
class SyncReferenceIndex {

    private static final int SYNCS_PER_BUILD = 1_000;

    /**
     * One condition on the references' rows, not a union of the two kinds: PostgreSQL then reads both kinds through
     * their indexes at once, and knows how many syncs a broad piece picks (a union's it guesses at 200).
     */
    private static final String CANDIDATES = """
            %s.billing_sync_id in (
                select r.billing_sync_id from billing_sync_references r
                where r.%s ilike ? escape '\\' or r.line_references is null)""";

    private static final String LOCK_UNBUILT = """
            select billing_sync_id from billing_sync_references where line_references is null
            order by billing_sync_id limit ? for update skip locked""";

    /**
     * The syncs' texts (their ids the parameter): distinct subscription references, and line references, a line each.
     */
    private static final String BUILD = """
            update billing_sync_references r
            set subscription_references = coalesce(t.subscriptions, ''), line_references = coalesce(t.lines, '')
            from unnest(?::bigint[]) s (id)
            cross join lateral (
                select string_agg(distinct i.subscription_reference, e'\\n') as subscriptions,
                       string_agg(i.arrow_line_reference, e'\\n') as lines
                from billing_sync_items i where i.billing_sync_id = s.id) t
            where r.billing_sync_id = s.id""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SyncReferenceIndex(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        // Each statement of a build must see what committed before it began ({@link #buildSome}), whatever the
        // database's default isolation and whatever transaction the caller is in.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The items (alias {@code item}) whose subscription and line references contain these pieces, each tested on the
     * items of the syncs the index picks for it.
     */
    static SqlFilter referencesContain(SqlFilter sql, String item, String subscriptionReference, String lineReference) {
        return sql.icontainsWithin(
                        item + ".subscription_reference",
                        subscriptionReference,
                        CANDIDATES.formatted(item, "subscription_references"))
                .icontainsWithin(
                        item + ".arrow_line_reference", lineReference, CANDIDATES.formatted(item, "line_references"));
    }

    /**
     * Builds the text of the syncs whose text is null, those a transaction is adding items to left for the build after
     * it; returns how many it built.
     */
    int buildPending() {
        int total = 0;
        int built;
        do {
            built = Objects.requireNonNull(transactions.execute(status -> buildSome()));
            total += built;
        } while (built == SYNCS_PER_BUILD);
        return total;
    }

    /**
     * Locks the rows it builds first, skipping those a transaction adding items holds, then reads the items in a
     * statement of its own, which (read committed) sees every item committed before the lock: a transaction that adds
     * items to one of these syncs meanwhile waits for this one to commit, then sets the text null again.
     */
    private int buildSome() {
        Long[] syncs = jdbc.sql(LOCK_UNBUILT)
                .param(SYNCS_PER_BUILD)
                .query(Long.class)
                .list()
                .toArray(Long[]::new);
        if (syncs.length > 0) {
            jdbc.sql(BUILD).param(syncs).update();
        }
        return syncs.length;
    }
}
