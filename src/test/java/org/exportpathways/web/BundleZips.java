package org.exportpathways.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Candidate bundles for the admin tests: this checkout's rules/ tree, zipped, with edits.
 */
final class BundleZips {

	static final Path RULES = Path.of("rules");

	/**
	 * The FMS MDE threshold raised to $20M from 2030-01-01 (no case decides after 2029):
	 * an FMS case to India with MDE $15M and a total of $42M is REQUIRED under the
	 * packaged bundle and NOT_REQUIRED under this one, as of 2030-06-01.
	 */
	static final String MDE = "congressional-notification/parameters/thresholds/fms/standard/major-defense-equipment.yaml";

	static final Map<String, Object> CHANGED_BY_CANDIDATE = Map.of("channel", "FMS", "recipient", "IN", "asOf",
			"2030-06-01", "majorDefenseEquipmentValue", 15000000, "totalValue", 42000000, "designAndConstructionValue",
			0, "newSalesTerritory", List.of());

	private BundleZips() {
	}

	static byte[] raisedMdeThreshold() {
		return zip(Map.of(MDE, (s) -> s.stripTrailing() + "\n  2030-01-01: 20000000  # a test candidate\n"));
	}

	/** A zip of exactly these entries. */
	static byte[] entries(Map<String, String> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The rules/ tree zipped (entries under rules/), each listed file edited. */
	static byte[] zip(Map<String, UnaryOperator<String>> edits) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(RULES)) {
			for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
				String rel = RULES.relativize(p).toString().replace('\\', '/');
				byte[] content = Files.readAllBytes(p);
				if (edits.containsKey(rel)) {
					content = edits.get(rel)
						.apply(new String(content, StandardCharsets.UTF_8))
						.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry("rules/" + rel));
				zip.write(content);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
