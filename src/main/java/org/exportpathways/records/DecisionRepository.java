package org.exportpathways.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decision records and the activation audit in SQL that H2 and PostgreSQL both accept
 * (schema: {@code db/migration}).
 */
public class DecisionRepository {

	/** A page of records and the cursor of the next one (null on the last page). */
	public record Page(List<DecisionRecord> items, Long next) {
	}

	private static final String COLUMNS = "seq, id, kind, received_at, ruleset_version, as_of, outcome, country";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	public DecisionRepository(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** Inserts the records in one transaction: all are committed when this returns. */
	public void insert(List<DecisionRecord> records) {
		tx.executeWithoutResult((s) -> jdbc.batchUpdate(
				"INSERT INTO decision_record (id, kind, received_at, ruleset_version, as_of, outcome, country, request, response)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				records, records.size(), (ps, r) -> {
					ps.setString(1, r.id());
					ps.setString(2, r.kind());
					ps.setObject(3, OffsetDateTime.ofInstant(r.receivedAt(), ZoneOffset.UTC));
					ps.setString(4, r.rulesetVersion());
					ps.setObject(5, r.asOf());
					ps.setString(6, r.outcome());
					ps.setString(7, r.country());
					ps.setString(8, r.request());
					ps.setString(9, r.response());
				}));
	}

	public Optional<DecisionRecord> find(String id) {
		List<DecisionRecord> found = jdbc
			.query("SELECT " + COLUMNS + ", request, response FROM decision_record WHERE id = ?", full(), id);
		return found.stream().findFirst();
	}

	/** Newest first, filtered; the request and response bodies are left out. */
	public Page page(DecisionQuery q) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM decision_record WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		where(sql, args, "kind = ?", q.kind());
		where(sql, args, "outcome = ?", q.outcome());
		where(sql, args, "country = ?", q.country());
		where(sql, args, "received_at >= ?", utc(q.from()));
		where(sql, args, "received_at < ?", utc(q.to()));
		where(sql, args, "seq < ?", q.before());
		sql.append(" ORDER BY seq DESC FETCH FIRST ").append(q.limit() + 1).append(" ROWS ONLY");
		List<long[]> seqs = new ArrayList<>();
		List<DecisionRecord> rows = jdbc.query(sql.toString(), (rs, n) -> {
			seqs.add(new long[] { rs.getLong("seq") });
			return summary(rs);
		}, args.toArray());
		if (rows.size() > q.limit()) {
			return new Page(rows.subList(0, q.limit()), seqs.get(q.limit() - 1)[0]);
		}
		return new Page(rows, null);
	}

	/**
	 * The last {@code n} records (or those received in [from, to)), with their bodies,
	 * newest first.
	 */
	public List<DecisionRecord> recent(int n, Instant from, Instant to) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + COLUMNS + ", request, response FROM decision_record WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		where(sql, args, "received_at >= ?", utc(from));
		where(sql, args, "received_at < ?", utc(to));
		sql.append(" ORDER BY seq DESC FETCH FIRST ").append(n).append(" ROWS ONLY");
		return jdbc.query(sql.toString(), full(), args.toArray());
	}

	/** Deletes the records received before {@code cutoff}; returns how many. */
	public int deleteReceivedBefore(Instant cutoff) {
		return jdbc.update("DELETE FROM decision_record WHERE received_at < ?", utc(cutoff));
	}

	public long count() {
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM decision_record", Long.class);
		return (n != null) ? n : 0;
	}

	public void audit(Activation a) {
		jdbc.update(
				"INSERT INTO bundle_activation (action, from_version, to_version, actor, at, impact)"
						+ " VALUES (?, ?, ?, ?, ?, ?)",
				a.action(), a.fromVersion(), a.toVersion(), a.actor(), utc(a.at()), a.impact());
	}

	/** The audited activations, newest first. */
	public List<Activation> activations() {
		return jdbc.query(
				"SELECT action, from_version, to_version, actor, at, impact FROM bundle_activation ORDER BY seq DESC",
				(rs, n) -> new Activation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						instant(rs, 5), rs.getString(6)));
	}

	private static void where(StringBuilder sql, List<Object> args, String clause, Object value) {
		if (value != null) {
			sql.append(" AND ").append(clause);
			args.add(value);
		}
	}

	private static OffsetDateTime utc(Instant i) {
		return (i != null) ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return (t != null) ? t.toInstant() : null;
	}

	private static DecisionRecord summary(ResultSet rs) throws SQLException {
		return new DecisionRecord(rs.getString("id"), rs.getString("kind"), instant(rs, 4),
				rs.getString("ruleset_version"), rs.getObject("as_of", java.time.LocalDate.class),
				rs.getString("outcome"), rs.getString("country"), null, null);
	}

	private static RowMapper<DecisionRecord> full() {
		return (rs, n) -> {
			DecisionRecord s = summary(rs);
			return new DecisionRecord(s.id(), s.kind(), s.receivedAt(), s.rulesetVersion(), s.asOf(), s.outcome(),
					s.country(), rs.getString("request"), rs.getString("response"));
		};
	}

	static Timestamp ts(Instant i) {
		return Timestamp.from(i);
	}

}
