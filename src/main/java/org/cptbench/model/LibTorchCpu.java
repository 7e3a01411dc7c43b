package org.cptbench.model;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;
import org.cptbench.CptbenchException;

/**
 * The {@code libtorch_cpu.so} that DJL's PyTorch engine loaded into this process, for the few libtorch functions
 * cptbench calls through the JDK's foreign-function API ({@link Autocast}, {@link TorchOps}).
 */
final class LibTorchCpu {
  private final Path so;
  private final SymbolLookup lookup;
  private final Linker linker = Linker.nativeLinker();

  private LibTorchCpu(Path so) {
    this.so = so;
    this.lookup = SymbolLookup.libraryLookup(so, Arena.global());
  }

  /** Loads the PyTorch engine if needed and opens its library; {@code purpose} names the caller in errors. */
  static LibTorchCpu open(String purpose) {
    ai.djl.engine.Engine.getEngine("PyTorch"); // loads libtorch
    try {
      return new LibTorchCpu(MklDispatch.loadedLibrary("libtorch_cpu.so")
          .orElseThrow(() -> new IllegalStateException("libtorch_cpu.so is not mapped in this process")));
    } catch (java.io.IOException e) {
      throw new CptbenchException(purpose + ": cannot read /proc/self/maps: " + e.getMessage(), e);
    }
  }

  /** A handle on the exported function {@code symbol}, or empty when the library does not export it. */
  Optional<MethodHandle> find(String symbol, FunctionDescriptor fd) {
    return lookup.find(symbol).map(address -> linker.downcallHandle(address, fd));
  }

  /** A handle on the exported C++ function {@code symbol}; {@code hint} says why it might be missing. */
  MethodHandle function(String symbol, FunctionDescriptor fd, String hint) {
    return linker.downcallHandle(
        lookup.find(symbol).orElseThrow(() -> new CptbenchException(
            "precision bf16: " + so + " does not export " + symbol + " (" + hint + "); use fp32")),
        fd);
  }
}
