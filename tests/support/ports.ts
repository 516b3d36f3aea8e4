/**
 * The tests' loopback ports, all counted from `TEST_PORT` (4410 unless set), so that two checkouts given
 * different TEST_PORTs never collide: the end-to-end sites take the first eight (e2e/sites.ts), the build
 * tests' servers and the scripts' the offsets below.
 */
import { createServer } from 'node:net';

export const firstTestPort = Number(process.env.TEST_PORT || 4410);

export const portOffsets = { searchTransferBench: 8, readmeScreenshots: 9, preview: 11, devServer: 12, searchShards: 21 } as const;

/** Whether nothing listens on `port` (on any address): it can be bound right now. */
function free(port: number): Promise<number | undefined> {
  return new Promise((answer) => {
    const server = createServer();
    server.once('error', () => answer(undefined));
    server.listen(port, () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => answer(bound));
    });
  });
}

/** The port `offset` after TEST_PORT or, should something already listen there, a free one the system picks. */
export async function testPort(offset: number): Promise<number> {
  return (await free(firstTestPort + offset)) ?? (await free(0))!;
}
