package org.exportpathways.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the policy bundle from an external folder, or from {@code rules/} on the
 * classpath (inside the jar).
 */
public final class RuleBundleLoader {

	private RuleBundleLoader() {
	}

	public static RuleBundle fromDirectory(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new RuleBundleException("Rules folder not found: " + dir.toAbsolutePath());
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			List<BundleFile> files = new ArrayList<>();
			for (Path p : paths.filter(Files::isRegularFile).toList()) {
				String rel = dir.relativize(p).toString().replace('\\', '/');
				files.add(new BundleFile(rel, Files.readAllBytes(p)));
			}
			return new RuleBundle(dir.toAbsolutePath().normalize().toString(), files);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static RuleBundle fromClasspath() {
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			Resource root = resolver.getResource("classpath:rules/bundle.yaml");
			if (!root.exists()) {
				throw new RuleBundleException("No rule bundle on the classpath (rules/bundle.yaml is missing)");
			}
			String rootUrl = root.getURL().toString();
			String base = rootUrl.substring(0, rootUrl.length() - "bundle.yaml".length());
			List<BundleFile> files = new ArrayList<>();
			for (Resource r : resolver.getResources("classpath*:rules/**/*")) {
				String url = r.getURL().toString();
				if (!url.startsWith(base) || url.endsWith("/") || !r.isReadable()) {
					continue;
				}
				try (InputStream in = r.getInputStream()) {
					files.add(new BundleFile(url.substring(base.length()), in.readAllBytes()));
				}
			}
			return new RuleBundle("classpath:rules/", files);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
