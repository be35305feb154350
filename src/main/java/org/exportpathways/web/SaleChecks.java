package org.exportpathways.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validator;
import org.exportpathways.api.model.SimulationSaleDto;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.notification.SimulationService;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks the sales of a streamed batch one at a time, as a synchronous simulation checks
 * its list: the contract's constraints, the rules' own checks, unique ids, then the
 * bundle's coverage of each date. Keeps the first {@link #MAX_ERRORS} problems of each
 * kind; used by batch jobs and the command line.
 */
public final class SaleChecks {

	/** Problems kept at most; a batch reader stops there. */
	public static final int MAX_ERRORS = 100;

	private final SpringValidatorAdapter validator;

	private final NotificationMapper mapper;

	private final SimulationService service;

	private final LocalDate batchAsOf;

	private final IdSet ids = new IdSet();

	private final List<InputError> errors;

	private final List<InputError> unprocessable = new ArrayList<>();

	/**
	 * @param errors where problems go (a reader may have put some there already)
	 */
	public SaleChecks(Validator validator, NotificationMapper mapper, SimulationService service, LocalDate batchAsOf,
			List<InputError> errors) {
		this.validator = (validator instanceof SpringValidatorAdapter s) ? s : new SpringValidatorAdapter(validator);
		this.mapper = mapper;
		this.service = service;
		this.batchAsOf = batchAsOf;
		this.errors = errors;
	}

	/** Whether reading should go on (fewer problems than {@link #MAX_ERRORS}). */
	public boolean more() {
		return errors.size() < MAX_ERRORS;
	}

	/**
	 * The sale at {@code index} (null: a row the reader could not read, already in the
	 * errors), or null when it has a problem.
	 */
	public SimulationService.Sale check(SimulationSaleDto dto, long index) {
		if (dto == null) {
			return null;
		}
		int before = errors.size();
		validate(validator, dto, "sales[" + index + "].", errors);
		if (errors.size() > before) {
			return null;
		}
		SimulationService.Sale sale = mapper.sale(dto, batchAsOf);
		if (!ids.add(sale.id())) {
			errors.add(new InputError("sales[" + index + "].id", "duplicate id '" + sale.id() + "'"));
		}
		errors.addAll(service.checkSale(sale, index, unprocessable));
		if (unprocessable.size() > MAX_ERRORS) {
			unprocessable.remove(unprocessable.size() - 1);
		}
		return (errors.size() > before) ? null : sale;
	}

	/** Whether every sale so far passed. */
	public boolean clean() {
		return errors.isEmpty() && unprocessable.isEmpty();
	}

	/**
	 * Throws the problems found, if any: 400 for the ones the rules cannot take, else 422
	 * for dates the bundle does not cover.
	 */
	public void throwIfAny(long total) {
		if (errors.size() >= MAX_ERRORS) {
			errors.add(new InputError("sales", "reading stopped after " + MAX_ERRORS + " problems"));
		}
		if (total == 0 && errors.isEmpty()) {
			errors.add(new InputError("sales", "at least one sale is required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, false);
		}
		if (!unprocessable.isEmpty()) {
			throw new InvalidInputException(unprocessable, true);
		}
	}

	/** Validates a bean against the contract's constraints; fields get the prefix. */
	static void validate(SpringValidatorAdapter validator, Object bean, String prefix, List<InputError> errors) {
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(bean, "bean");
		validator.validate(bean, result);
		for (InputError e : ProblemHandler.errors(result)) {
			errors.add(new InputError(prefix + e.field(), e.message()));
		}
	}

	/**
	 * The ids seen so far, as 64-bit hashes in an open-addressing table (at most 32 bytes
	 * a sale, not a string each). Two different ids share a hash with a chance below one
	 * in a million in a batch of 5,000,000; the answer would then name a duplicate that
	 * is not one.
	 */
	static final class IdSet {

		private long[] table = new long[1 << 12];

		private int size;

		boolean add(String id) {
			long h = hash(id);
			if (h == 0) {
				h = 1;
			}
			if (size * 2 >= table.length) {
				long[] bigger = new long[table.length * 2];
				for (long old : table) {
					if (old != 0) {
						insert(bigger, old);
					}
				}
				table = bigger;
			}
			boolean added = insert(table, h);
			if (added) {
				size++;
			}
			return added;
		}

		private static boolean insert(long[] t, long h) {
			int mask = t.length - 1;
			int i = (int) (h ^ (h >>> 32)) & mask;
			while (t[i] != 0) {
				if (t[i] == h) {
					return false;
				}
				i = (i + 1) & mask;
			}
			t[i] = h;
			return true;
		}

		/** FNV-1a over the characters, then murmur3's 64-bit finalizer. */
		static long hash(String s) {
			long h = 0xcbf29ce484222325L;
			for (int i = 0; i < s.length(); i++) {
				h ^= s.charAt(i);
				h *= 0x100000001b3L;
			}
			h ^= h >>> 33;
			h *= 0xff51afd7ed558ccdL;
			h ^= h >>> 33;
			h *= 0xc4ceb93e5c5ac3edL;
			h ^= h >>> 33;
			return h;
		}

	}

}
