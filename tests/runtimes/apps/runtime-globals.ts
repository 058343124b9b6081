/**
 * The few members of the `Bun` and `Deno` globals the test apps use, so that the apps
 * type-check with the project's Node types (install `@types/bun` or use Deno's own types
 * in a real app instead).
 */

/** `Bun.serve` as the Bun app calls it. */
export interface BunGlobal {
  serve(options: {
    hostname: string;
    port: number;
    fetch: (request: Request, server: BunServer) => Response | Promise<Response>;
  }): BunServer;
}

/** The server `Bun.serve` returns. */
export interface BunServer {
  readonly port: number;
  requestIP(request: Request): { address: string; family: string; port: number } | null;
  stop(closeActiveConnections?: boolean): Promise<void>;
}

/** `Deno.serve` and `Deno.env` as the Deno app calls them. */
export interface DenoGlobal {
  env: { get(name: string): string | undefined };
  serve(
    options: { hostname: string; port: number; onListen?: (address: { port: number }) => void },
    handler: (
      request: Request,
      info: { remoteAddr: { hostname: string; port: number } },
    ) => Response | Promise<Response>,
  ): unknown;
}
