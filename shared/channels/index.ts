/** Channel codes (渠道码) for offline and advisor acquisition (issue 13 §4). */
export * from './channel.js';
export * from './contracts.js';
export * from './scene.js';
