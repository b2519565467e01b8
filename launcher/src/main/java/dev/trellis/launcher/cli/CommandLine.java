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
package dev.trellis.launcher.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.trellis.launcher.ConfigMode;
import org.jspecify.annotations.Nullable;

/**
 * The parsed arguments of {@code ./trellis}.
 *
 * @param command the command
 * @param detach whether {@code up} returns once everything is healthy ({@code -d})
 * @param instances instance counts per component ({@code --instances name=count})
 * @param config the configuration source ({@code --config git|native|auto})
 * @param startTimeout the per-component start timeout ({@code --timeout seconds}), or
 * {@code null} for the default
 * @param target the argument of {@code logs}, or {@code null}
 * @author Trellis authors
 */
record CommandLine(Command command, boolean detach, Map<String, Integer> instances, ConfigMode config,
		@Nullable Duration startTimeout, @Nullable String target, String scope) {

	/**
	 * Parses the arguments.
	 * @param args the arguments
	 * @return the command line
	 * @throws UsageException for an unknown command or option or a bad value
	 */
	static CommandLine parse(String[] args) {
		if (args.length == 0) {
			return new CommandLine(Command.HELP, false, Map.of(), ConfigMode.AUTO, null, null, "");
		}
		Command command = Command.named(args[0]);
		List<String> rest = new ArrayList<>();
		Collections.addAll(rest, args);
		rest.remove(0);
		boolean detach = false;
		Map<String, Integer> instances = new LinkedHashMap<>();
		ConfigMode config = ConfigMode.AUTO;
		Duration startTimeout = null;
		String target = null;
		String scope = "";
		for (int i = 0; i < rest.size(); i++) {
			String argument = rest.get(i);
			String option = argument;
			String inlineValue = null;
			if (argument.startsWith("--") && argument.contains("=")) {
				option = argument.substring(0, argument.indexOf('='));
				inlineValue = argument.substring(argument.indexOf('=') + 1);
			}
			if (command == Command.UP && (option.equals("-d") || option.equals("--detach")) && inlineValue == null) {
				detach = true;
			}
			else if (command == Command.UP && option.equals("--instances")) {
				String value = (inlineValue != null) ? inlineValue : value(rest, ++i, option);
				for (String pair : value.split(",")) {
					parseInstances(pair, instances);
				}
			}
			else if (command == Command.UP && option.equals("--config")) {
				config = parseConfig((inlineValue != null) ? inlineValue : value(rest, ++i, option));
			}
			else if (command == Command.UP && option.equals("--timeout")) {
				startTimeout = parseTimeout((inlineValue != null) ? inlineValue : value(rest, ++i, option));
			}
			else if (command == Command.TOKEN && option.equals("--scope")) {
				scope = (inlineValue != null) ? inlineValue : value(rest, ++i, option);
			}
			else if (command == Command.ENCRYPT && target == null) {
				target = argument;
			}
			else if (command == Command.TRACE && !argument.startsWith("-") && target == null) {
				target = argument;
			}
			else if (command == Command.LOGS && !argument.startsWith("-") && target == null) {
				target = argument;
			}
			else if (argument.startsWith("-")) {
				throw new UsageException("Unknown option '" + argument + "' for " + command.label());
			}
			else {
				throw new UsageException("Unexpected argument '" + argument + "' for " + command.label());
			}
		}
		if (command == Command.ENCRYPT && target == null) {
			throw new UsageException("encrypt needs the value to encrypt, e.g. ./trellis encrypt 's3cret'");
		}
		if (command == Command.TRACE && (target == null || !isUuid(target))) {
			throw new UsageException("trace needs the id of an order, e.g. ./trellis trace "
					+ "5f1c2a8e-2b7d-3c1e-9a4f-0d6e8b7c5a21 (the id in POST /api/orders' answer)");
		}
		if (command == Command.LOGS && target == null) {
			throw new UsageException("logs needs an application name, e.g. ./trellis logs gateway");
		}
		return new CommandLine(command, detach, Map.copyOf(instances), config, startTimeout, target, scope);
	}

	private static boolean isUuid(String value) {
		try {
			return UUID.fromString(value).toString().equalsIgnoreCase(value);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String value(List<String> arguments, int index, String option) {
		if (index >= arguments.size() || arguments.get(index).startsWith("-")) {
			throw new UsageException("Missing value for " + option);
		}
		return arguments.get(index);
	}

	private static void parseInstances(String pair, Map<String, Integer> instances) {
		int equals = pair.indexOf('=');
		if (equals <= 0 || equals == pair.length() - 1) {
			throw new UsageException(
					"--instances expects name=count, e.g. --instances catalog-service=2 (got '" + pair + "')");
		}
		String name = pair.substring(0, equals).trim();
		try {
			int count = Integer.parseInt(pair.substring(equals + 1).trim());
			if (count < 0 || count > 20) {
				throw new NumberFormatException();
			}
			instances.put(name, count);
		}
		catch (NumberFormatException ex) {
			throw new UsageException(
					"--instances " + name + " needs a count from 0 to 20 (got '" + pair.substring(equals + 1) + "')");
		}
	}

	private static ConfigMode parseConfig(String value) {
		try {
			return ConfigMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--config expects git, native or auto (got '" + value + "')");
		}
	}

	private static Duration parseTimeout(String value) {
		try {
			long seconds = Long.parseLong(value.trim());
			if (seconds <= 0) {
				throw new NumberFormatException();
			}
			return Duration.ofSeconds(seconds);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--timeout expects a number of seconds (got '" + value + "')");
		}
	}

	/**
	 * The commands.
	 */
	enum Command {

		/** Start the platform. */
		UP("up"),

		/** Show the running processes. */
		STATUS("status"),

		/** Stop the platform. */
		DOWN("down"),

		/** Follow a log. */
		LOGS("logs"),

		/** Print environment variables for an IDE. */
		ENV("env"),

		/** Print an access token. */
		TOKEN("token"),

		/** Print the trace of an order's placement. */
		TRACE("trace"),

		/** Encrypt a configuration value. */
		ENCRYPT("encrypt"),

		/** Print the usage. */
		HELP("help");

		private final String label;

		Command(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

		static Command named(String name) {
			if (name.equals("-h") || name.equals("--help")) {
				return HELP;
			}
			for (Command command : values()) {
				if (command.label.equals(name)) {
					return command;
				}
			}
			throw new UsageException("Unknown command '" + name + "'");
		}

	}

	/**
	 * Thrown for arguments that cannot be parsed.
	 */
	static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

}
