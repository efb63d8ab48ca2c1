# The two set-up commands are `make demo` and `make test`; both install what is
# missing from Debian first, then configure and build.
JOBS    ?= $(shell nproc)
BUILD   ?= build
ASAN    ?= build-asan
FUZZB   ?= build-fuzz
ARCHIVE ?= demo/archive
CMAKE_FLAGS ?= -G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
FUZZ_SECONDS ?= 60

.PHONY: all deps build asan test unit-asan demo fuzz bench clean

all: build

deps:
	@scripts/install-deps.sh
	@[ -d tests/web/node_modules/playwright-core ] || (cd tests/web && npm ci --no-audit --no-fund --loglevel=error)

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

asan: deps
	@cmake -S . -B $(ASAN) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DMALAF_SANITIZE=ON -DMALAF_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(ASAN) -j $(JOBS)

# Every test on the release build, then the unit tests once more under
# AddressSanitizer + UndefinedBehaviorSanitizer.
test: build asan
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -L unit

demo: build
	@scripts/demo.sh $(BUILD)/malaf $(ARCHIVE)

fuzz: deps
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZB) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMALAF_FUZZ=ON \
	  -DMALAF_BUILD_TESTS=OFF -DMALAF_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(FUZZB) -j $(JOBS) --target fuzz_targets
	@scripts/run-fuzz.sh $(FUZZB) $(FUZZ_SECONDS)

bench: build
	@scripts/run-bench.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZB) demo
