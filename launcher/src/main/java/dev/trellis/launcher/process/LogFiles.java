/*
 * Copyright 2026 the Trellis authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.trellis.launcher.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading log files: the part written since a given offset, the last lines, and the one
 * line that best explains why a process failed to start.
 *
 * @author Trellis authors
 */
public final class LogFiles {

	private static final Pattern ERROR_LINE = Pattern.compile("(^|\\s)(ERROR|FATAL)(\\s|$)|^ERROR\\b|\\[ERROR]");

	private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

	private static final int MAX_LENGTH = 300;

	private LogFiles() {
	}

	/**
	 * Keeps the log of the previous run as {@code <name>.1} (replacing an older one), so
	 * that a new run starts an empty log: restarts within a run append to it.
	 * @param file the log file
	 */
	public static void rotate(Path file) {
		try {
			if (Files.exists(file)) {
				Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not rotate " + file, ex);
		}
	}

	/**
	 * Reads the lines written from an offset on.
	 * @param file the log file
	 * @param offset the byte offset
	 * @return the lines, empty when the file does not exist
	 */
	public static List<String> linesFrom(Path file, long offset) {
		if (!Files.exists(file)) {
			return List.of();
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long start = Math.min(Math.max(offset, 0), in.length());
			byte[] bytes = new byte[(int) Math.min(in.length() - start, 64L * 1024 * 1024)];
			in.seek(start);
			in.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the last lines of a file.
	 * @param file the file
	 * @param count how many lines
	 * @return the lines
	 */
	public static List<String> lastLines(Path file, int count) {
		List<String> lines = linesFrom(file, Math.max(0, size(file) - 256L * count - 4096));
		return lines.subList(Math.max(0, lines.size() - count), lines.size());
	}

	/**
	 * Returns the size of a file.
	 * @param file the file
	 * @return the size, 0 when it does not exist
	 */
	public static long size(Path file) {
		try {
			return Files.exists(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * Picks the line of a log that best tells why the process failed to start: the
	 * {@code Description:} of Spring Boot's "APPLICATION FAILED TO START" report, else
	 * the last ERROR line, else the last {@code Caused by:} or exception line, else the
	 * last line.
	 * @param lines the lines written by the failed run
	 * @return the line, cut to a readable length, or empty when there is nothing
	 */
	public static Optional<String> tellingLine(List<String> lines) {
		List<String> clean = lines.stream().map((line) -> ANSI.matcher(line).replaceAll("").stripTrailing()).toList();
		Optional<String> description = failureDescription(clean);
		if (description.isPresent()) {
			return description.map(LogFiles::shorten);
		}
		for (Pattern pattern : new Pattern[] { ERROR_LINE, Pattern.compile("^Caused by: "),
				Pattern.compile("^\\S*(Exception|Error)\\b") }) {
			for (int i = clean.size() - 1; i >= 0; i--) {
				if (pattern.matcher(clean.get(i)).find()) {
					return Optional.of(shorten(clean.get(i).strip()));
				}
			}
		}
		for (int i = clean.size() - 1; i >= 0; i--) {
			if (!clean.get(i).isBlank()) {
				return Optional.of(shorten(clean.get(i).strip()));
			}
		}
		return Optional.empty();
	}

	private static Optional<String> failureDescription(List<String> lines) {
		int report = -1;
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).contains("APPLICATION FAILED TO START")) {
				report = i;
				break;
			}
		}
		if (report < 0) {
			return Optional.empty();
		}
		for (int i = report; i < lines.size(); i++) {
			if (lines.get(i).strip().equals("Description:")) {
				List<String> text = new ArrayList<>();
				for (int j = i + 1; j < lines.size(); j++) {
					String line = lines.get(j).strip();
					if (line.equals("Action:")) {
						break;
					}
					if (line.isEmpty()) {
						if (!text.isEmpty()) {
							break;
						}
						continue;
					}
					text.add(line);
				}
				if (!text.isEmpty()) {
					return Optional.of("Description: " + String.join(" ", text));
				}
			}
		}
		return Optional.empty();
	}

	private static String shorten(String line) {
		return (line.length() <= MAX_LENGTH) ? line : line.substring(0, MAX_LENGTH - 3) + "...";
	}

}
