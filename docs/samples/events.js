// The elements' events bubble out of their shadow roots: listen on the element or any ancestor.
document.querySelector('wsc-event-card')?.addEventListener('wsc-event-loaded', (loaded) => {
  console.log(loaded.detail.event.name);
});
document.querySelector('wsc-pain-point-board')?.addEventListener('wsc-vote', (vote) => {
  console.log(`${vote.detail.painPointId}: ${vote.detail.voteCount} votes`);
});
