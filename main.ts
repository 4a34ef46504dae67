// The built gateway's entry point, `node dist/main.js` (tsconfig.build.json keeps src/ under dist/src/).
import './src/main.js';
