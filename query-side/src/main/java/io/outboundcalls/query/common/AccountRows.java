package io.outboundcalls.query.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.Optional;
import java.util.function.Function;

/**
 * One row of an account's read model by its primary key. The statement names the key alone and the
 * account is compared here: with {@code where id = ? and account_id = ?}, a plan made while the table
 * was still empty (a new installation, a rebuild, a fresh benchmark) may look the row up through an
 * index that leads with {@code account_id}, and PostgreSQL keeps that cached plan on the connection as
 * the table grows, reading every row of the account for each lookup (measured: 2,000 buffers per
 * call read during a dialer run). The primary key alone always plans as one index lookup.
 */
public final class AccountRows {

    private AccountRows() {
    }

    /**
     * @param selectById the projection's select ending in {@code where <key> = ?}
     * @return the row, empty when there is none or it belongs to another account
     */
    public static <V> Optional<V> find(JdbcTemplate jdbc, String selectById, RowMapper<V> mapper, String id,
                                       String accountId, Function<V, String> accountOf) {
        return jdbc.query(selectById, mapper, id).stream()
                .filter(row -> accountOf.apply(row).equals(accountId))
                .findFirst();
    }
}
