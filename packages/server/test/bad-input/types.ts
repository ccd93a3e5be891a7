// The shape of bad-input cases. Each file in this folder exports `writeEndpoints`, keyed by
// "METHOD /route"; the bad-input test merges them, so areas of the API keep their own file.
import type { Role } from '@tillit/domain';
import type { Fixture } from '../fixture.js';

export interface BadCase {
  name: string;
  url: (f: Fixture) => string;
  payload: unknown;
  /** A JSON pointer that must be among the problem's errors. */
  pointer?: string;
  /** Expected status; 400 when absent. */
  status?: number;
}
export interface WriteEndpoint { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; role: Role; cases: BadCase[] }

export const unknownId = '4b1c2d3e-5f60-4a1b-9c2d-3e4f5a6b7c8d';
