export { buildApp, publicRoutes } from './app.js';
export { openDatabase, type Database, type Db } from './db/connection.js';
export { loadDemo, isEmpty } from './db/seed.js';
export { loadConfig } from './config.js';
export type { AppContext, Config } from './context.js';
export { startServer, startJobs, planningSettings, type RunningServer, type StartOptions } from './server.js';
