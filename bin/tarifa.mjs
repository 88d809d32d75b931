#!/usr/bin/env node
// The `tarifa` bin: runs the TypeScript CLI through tsx's loader API (no build step).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
