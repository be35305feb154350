package org.exportpathways.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The policy bundle: {@code bundle.yaml}, shared tables in {@code reference/}, and one
 * folder per regime pack (its {@code pack.yaml}, DRL rules, dated parameters, tables and
 * cases), read from the jar or from an external {@code rules/} folder. Its version is the
 * semver declared in {@code bundle.yaml} plus a hash of the content that decides (rules,
 * pack manifests, parameters, reference data), so two bundles that decide differently
 * never share a version.
 */
public final class RuleBundle {

	/** Deciding files at the bundle root: the bundle descriptor and the shared tables. */
	static final List<String> DECIDING_PREFIXES = List.of("bundle.yaml", "reference/");

	/**
	 * Deciding files inside a pack folder ({@code <pack>/...}): its manifest, parameters
	 * and tables.
	 */
	static final List<String> DECIDING_IN_PACK = List.of("pack.yaml", "parameters/", "reference/");

	private final String origin;

	private final List<BundleFile> files;

	private final String contentHash;

	public RuleBundle(String origin, List<BundleFile> files) {
		this.origin = origin;
		this.files = files.stream().sorted(Comparator.comparing(BundleFile::path)).toList();
		this.contentHash = hash(this.files);
	}

	public String origin() {
		return origin;
	}

	public List<BundleFile> files() {
		return files;
	}

	public List<BundleFile> files(String prefix, String suffix) {
		return files.stream().filter((f) -> f.path().startsWith(prefix) && f.path().endsWith(suffix)).toList();
	}

	public Optional<BundleFile> file(String path) {
		return files.stream().filter((f) -> f.path().equals(path)).findFirst();
	}

	/**
	 * First 12 hex digits of the SHA-256 over the deciding files (paths and contents).
	 */
	public String contentHash() {
		return contentHash;
	}

	/**
	 * Rules anywhere; bundle.yaml and shared tables; in a pack, pack.yaml, parameters and
	 * tables (not cases or notes).
	 */
	static boolean decides(String path) {
		if (path.endsWith(".drl") || DECIDING_PREFIXES.stream().anyMatch(path::startsWith)) {
			return true;
		}
		int slash = path.indexOf('/');
		String inPack = path.substring(slash + 1);
		return slash > 0 && DECIDING_IN_PACK.stream().anyMatch(inPack::startsWith);
	}

	private static String hash(List<BundleFile> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (BundleFile file : files) {
				if (decides(file.path())) {
					digest.update(file.path().getBytes(StandardCharsets.UTF_8));
					digest.update((byte) 0);
					digest.update(file.content());
					digest.update((byte) 0);
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
