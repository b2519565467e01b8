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
package dev.trellis.order.api;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * One page of a list, in the shape of Spring Data's {@code PagedModel} (as the catalog
 * answers): {@code {"content": [...], "page": {"size", "number", "totalElements",
 * "totalPages"}}}.
 *
 * @param <T> type of the elements
 * @param content elements of this page
 * @param page position of this page in the whole list
 * @author Trellis
 */
public record PageResponse<T>(List<T> content, Metadata page) {

	static <T> PageResponse<T> of(Page<T> page) {
		return new PageResponse<>(page.getContent(),
				new Metadata(page.getSize(), page.getNumber(), page.getTotalElements(), page.getTotalPages()));
	}

	/**
	 * Position of a page in the whole list.
	 *
	 * @param size requested number of elements per page
	 * @param number zero-based number of this page
	 * @param totalElements number of elements in the whole list
	 * @param totalPages number of pages of the whole list
	 */
	public record Metadata(long size, long number, long totalElements, long totalPages) {

	}

}
