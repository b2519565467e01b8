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
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code .trellis/state.json} file: the processes Trellis has started and not yet
 * stopped. Written atomically (a temporary file moved into place) so that a reader never
 * sees half a file.
 *
 * @author Trellis authors
 */
public final class StateFile {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Path path;

	/**
	 * Creates a state file at the given path (which need not exist yet).
	 * @param path the file
	 */
	public StateFile(Path path) {
		this.path = path;
	}

	/**
	 * Returns the file.
	 * @return the path
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * Reads the records, in the order they were added.
	 * @return the records, empty when the file does not exist
	 */
	public synchronized List<ProcessRecord> read() {
		if (!Files.exists(this.path)) {
			return List.of();
		}
		try {
			State state = JSON.readValue(this.path.toFile(), State.class);
			return (state.processes() != null) ? List.copyOf(state.processes()) : List.of();
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Cannot read " + this.path + " (" + ex.getOriginalMessage()
					+ "); if no Trellis process is running, delete it", ex);
		}
	}

	/**
	 * Replaces the records.
	 * @param records the new records
	 */
	public synchronized void write(List<ProcessRecord> records) {
		try {
			Files.createDirectories(this.path.getParent());
			if (records.isEmpty()) {
				Files.deleteIfExists(this.path);
				return;
			}
			Path temporary = Files.createTempFile(this.path.getParent(), "state", ".json.tmp");
			JSON.writeValue(temporary.toFile(), new State(List.copyOf(records)));
			try {
				Files.move(temporary, this.path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, this.path, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.path, ex);
		}
	}

	/**
	 * Reads, changes and writes the records in one step (for this JVM).
	 * @param change the change
	 * @return the records written
	 */
	public synchronized List<ProcessRecord> update(UnaryOperator<List<ProcessRecord>> change) {
		List<ProcessRecord> records = change.apply(new ArrayList<>(read()));
		write(records);
		return records;
	}

	/**
	 * Adds or replaces the record of one instance.
	 * @param record the record
	 */
	public void put(ProcessRecord record) {
		update((records) -> {
			records.removeIf((existing) -> sameInstance(existing, record));
			records.add(record);
			return records;
		});
	}

	/**
	 * Removes the record of one process (matched by pid).
	 * @param pid the pid
	 */
	public void remove(long pid) {
		update((records) -> {
			records.removeIf((existing) -> existing.pid() == pid);
			return records;
		});
	}

	/**
	 * Returns the records whose process is still running.
	 * @return the live records
	 */
	public List<ProcessRecord> running() {
		return read().stream().filter(ProcessRecord::isRunning).toList();
	}

	/**
	 * Orders records for stopping: higher stop order first, later instances first.
	 * @param records the records
	 * @return the records in stop order
	 */
	public static List<ProcessRecord> inStopOrder(List<ProcessRecord> records) {
		return records.stream()
			.sorted(Comparator.comparingInt(ProcessRecord::stopOrder)
				.reversed()
				.thenComparing(Comparator.comparingInt(ProcessRecord::instance).reversed()))
			.toList();
	}

	private static boolean sameInstance(ProcessRecord a, ProcessRecord b) {
		return a.name().equals(b.name()) && a.instance() == b.instance();
	}

	/**
	 * The file's content.
	 *
	 * @param processes the processes
	 */
	record State(List<ProcessRecord> processes) {

	}

}
