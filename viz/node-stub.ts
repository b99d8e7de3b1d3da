// Stands in for node:fs and node:path in the browser bundle (see vite.config.ts): sim/compare's
// folder reader and sim/run's Node worker bundler and setup cache import them, and the page never calls either.
// Any call fails loudly.
const unavailable = (name: string) => () => {
  throw new Error(`${name} is not available in the browser`);
};
export const existsSync = unavailable('fs.existsSync');
export const lstatSync = unavailable('fs.lstatSync');
export const mkdirSync = unavailable('fs.mkdirSync');
export const readFileSync = unavailable('fs.readFileSync');
export const readdirSync = unavailable('fs.readdirSync');
export const renameSync = unavailable('fs.renameSync');
export const rmSync = unavailable('fs.rmSync');
export const statSync = unavailable('fs.statSync');
export const writeFileSync = unavailable('fs.writeFileSync');
export const dirname = unavailable('path.dirname');
export const join = unavailable('path.join');
export const basename = unavailable('path.basename');
export const relative = unavailable('path.relative');
export const resolve = unavailable('path.resolve');
export default {};
